/** Payment-provider ports (billing keys for stored methods) and their sandbox adapters. */
package io.jangteo.command.payment;
