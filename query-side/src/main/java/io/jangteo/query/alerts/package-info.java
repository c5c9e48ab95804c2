/** The incidents read model: what the alert engine saw fire and clear, for admins. */
package io.jangteo.query.alerts;
