package io.jangteo.query.catalog;

import io.jangteo.messages.catalog.ProductSort;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * A page cursor: the sort it belongs to and the sort key of the product it points at, so a page continues after
 * where the previous one ended even when that product has since changed or left the list. Opaque to clients.
 */
final class ProductCursor {

    private static final int FORMAT = 1;

    private ProductCursor() {
    }

    static String of(ProductSort sort, CatalogEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeByte(sort.ordinal());
            out.writeUTF(entry.id());
            out.writeLong(entry.position());
            out.writeLong(entry.minPrice());
            out.writeUTF(entry.currency());
            out.writeUTF(entry.nameKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /** A stand-in entry carrying only the cursor's sort key, to search the sort order with. */
    static CatalogEntry probe(ProductSort sort, String cursor) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(cursor)))) {
            if (in.readByte() != FORMAT || in.readByte() != sort.ordinal()) {
                throw new IllegalArgumentException("cursor of another list order: " + cursor);
            }
            String id = in.readUTF();
            long position = in.readLong();
            long minPrice = in.readLong();
            String currency = in.readUTF();
            String nameKey = in.readUTF();
            return new CatalogEntry(id, null, null, null, minPrice, currency, false, nameKey, "", List.of(), position,
                    0);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a catalog cursor: " + cursor, e);
        }
    }
}
