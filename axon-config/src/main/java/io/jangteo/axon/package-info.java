/** Infrastructure shared by both sides: storage modes, serializer, audit metadata, interceptors. No domain code. */
package io.jangteo.axon;
