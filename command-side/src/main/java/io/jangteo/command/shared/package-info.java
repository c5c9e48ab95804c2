/** What every aggregate shares: how a refused command is reported. */
package io.jangteo.command.shared;
