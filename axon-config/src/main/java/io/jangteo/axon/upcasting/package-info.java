/** Upcasters: how events stored under an older revision are read as the current one. */
package io.jangteo.axon.upcasting;
