/** The notification port (e-mail, SMS) and its sandbox adapter, which records what it would have sent. */
package io.jangteo.command.notification;
