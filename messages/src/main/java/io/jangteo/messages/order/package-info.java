/** Orders and checkout: what a buyer asks for, how it is priced, and every step from placement to purchase confirmation, cancellation, return and refund. */
package io.jangteo.messages.order;
