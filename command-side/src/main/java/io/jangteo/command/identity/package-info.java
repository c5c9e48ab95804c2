/** The identity-verification port (본인인증) and its sandbox adapter modelled on the PASS/NICE SMS flow. */
package io.jangteo.command.identity;
