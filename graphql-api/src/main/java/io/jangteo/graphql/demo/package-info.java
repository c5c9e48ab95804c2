/** Demo data: a realistic marketplace seeded on the first start of an empty embedded installation. */
package io.jangteo.graphql.demo;
