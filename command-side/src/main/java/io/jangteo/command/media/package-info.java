/** Background processing of uploaded product media: renditions of images, metadata and posters of videos, and the store they live in. */
package io.jangteo.command.media;
