/** Incidents of the application's own alert rules, kept as events so they join the audit trail. */
package io.jangteo.command.alerts;
