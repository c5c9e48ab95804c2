/** Value objects and audit vocabulary shared by every bounded context. */
package io.jangteo.messages.shared;
