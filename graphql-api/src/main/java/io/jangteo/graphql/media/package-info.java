/** Uploading product images and videos, and serving their renditions, over plain HTTP beside GraphQL. */
package io.jangteo.graphql.media;
