package io.jangteo.messages.operations;

/**
 * Asks for the status of the event processors.
 *
 * @param name one processor's name, or {@code null} for every processor
 */
public record FindProjectionsQuery(String name) {

    public static FindProjectionsQuery all() {
        return new FindProjectionsQuery(null);
    }
}
