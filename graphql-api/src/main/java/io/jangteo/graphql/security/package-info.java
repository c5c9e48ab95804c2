/** Authentication: bearer tokens, the calling actor, the development login. */
package io.jangteo.graphql.security;
