/** How event processors run: mode, batch sizes, dead letters. */
package io.jangteo.axon.processing;
