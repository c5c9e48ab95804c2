/**
 * Alert rules evaluated inside the application from its own metrics and health, the messages they send to messengers,
 * and the admin query over the incidents they recorded.
 */
package io.jangteo.graphql.alerts;
