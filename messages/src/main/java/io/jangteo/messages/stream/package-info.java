/** The event stream for analysts and downstream systems: what a client asks for and what each streamed event shows. */
package io.jangteo.messages.stream;
