package io.jangteo.messages.catalog;

public enum MediaKind {
    IMAGE, VIDEO
}
