/** Payment providers calling back: the signed deposit callback of the sandbox provider. */
package io.jangteo.graphql.payment;
