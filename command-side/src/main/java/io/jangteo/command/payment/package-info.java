/** Payment-provider ports (payments with refunds, billing keys for stored methods) and their sandbox adapters. */
package io.jangteo.command.payment;
