/** HTTP concerns in front of GraphQL: request ids, client addresses, body limits. */
package io.jangteo.graphql.web;
