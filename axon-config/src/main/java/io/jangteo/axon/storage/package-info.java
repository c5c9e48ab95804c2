/** The two runtime modes' storage: where events, read models, tokens, sagas and dead letters live. */
package io.jangteo.axon.storage;
