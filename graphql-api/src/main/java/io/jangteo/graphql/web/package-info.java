/** HTTP concerns in front of GraphQL: request ids, client addresses, body limits; the support console page. */
package io.jangteo.graphql.web;
