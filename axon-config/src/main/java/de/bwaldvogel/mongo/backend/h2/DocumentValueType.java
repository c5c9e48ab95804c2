package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/**
 * The documents of a collection stored as BSON, the server's own wire encoding, instead of H2's generic type, which
 * writes each document with Java serialization (class descriptors and all) and read it back the same way: on a
 * read-model rebuild that was most of the read store's work, because every commit rewrites whole pages of documents
 * and every page missing from the cache is deserialized again.
 * <p>
 * A value starts with a marker byte H2's generic type never writes (its tags are below 128); a value without it was
 * written by an earlier version and is read by the generic type, so an existing data directory keeps working and its
 * documents turn into BSON as they are rewritten.
 */
final class DocumentValueType extends BasicDataType<Document> {

    static final DocumentValueType INSTANCE = new DocumentValueType();

    /** Not an {@link ObjectDataType} tag, which are all non-negative. */
    static final byte BSON = (byte) 0xB5;

    private final ObjectDataType legacy = new ObjectDataType();

    private DocumentValueType() {
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, encoded);
            int length = encoded.readableBytes();
            buffer.put(BSON);
            buffer.putVarInt(length);
            byte[] bytes = new byte[length];
            encoded.readBytes(bytes);
            buffer.put(bytes);
        } finally {
            encoded.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) legacy.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        ByteBuf encoded;
        if (buffer.hasArray()) {
            encoded = Unpooled.wrappedBuffer(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
            buffer.position(buffer.position() + length);
        } else {
            byte[] bytes = new byte[length];
            buffer.get(bytes);
            encoded = Unpooled.wrappedBuffer(bytes);
        }
        return BsonDecoder.decodeBson(encoded);
    }

    /** A rough size for H2's cache accounting: per field a map entry, plus the characters of strings. */
    @Override
    public int getMemory(Document document) {
        return 48 + estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 40 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = 40;
            for (Object element : values) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof String text) {
            return 40 + text.length();
        }
        return 24;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
