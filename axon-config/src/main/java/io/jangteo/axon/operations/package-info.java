/** Operating the event processors from the API: status and progress, rebuilding read models, dead letters. */
package io.jangteo.axon.operations;
