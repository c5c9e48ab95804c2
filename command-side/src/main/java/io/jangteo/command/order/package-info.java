/** Orders after checkout: the order aggregate from placement through payment, fulfilment per seller, cancellation, returns and refunds, with its deadlines and the policies that follow a payment. */
package io.jangteo.command.order;
