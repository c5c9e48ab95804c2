/**
 * Members (회원): accounts, sign-in security, profile, address book, consents, identity verification, stored payment
 * methods and withdrawal; commands, events (personal components marked for crypto-shredding), queries and views.
 */
package io.jangteo.messages.member;
