package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Comparator;

/**
 * Index keys compared by value (MongoDB's order of BSON values) instead of by their Java-serialized bytes. Equal keys must compare as 0 and unequal keys never, or the unique
 * index would merge or split entries: values that MongoDB's order ties but Java tells apart fall back to their bytes.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    static final KeyValueType INSTANCE = new KeyValueType();

    private static final Comparator<Object> VALUES = ValueComparator.asc();
    private static final String VALUES_FIELD = "k";
    private final ObjectDataType serialized = new ObjectDataType();

    private KeyValueType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = VALUES.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        return a.equals(b) ? 0 : Arrays.compare(bytes(a), bytes(b));
    }

    private byte[] bytes(KeyValue key) {
        WriteBuffer buffer = new WriteBuffer();
        serialized.write(buffer, key);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }

    @Override
    public int getMemory(KeyValue key) {
        return 48 + 24 * key.size();
    }

    /**
     * Stored as BSON behind {@link DocumentValueType}'s marker, like the documents: Java serialization of every key
     * was the read store's largest cost when a read model was rebuilt. A key BSON cannot hold (a missing value) and
     * every key written before are in the generic type, which {@link #read} tells apart by the marker.
     */
    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        List<Object> values = new ArrayList<>(key.size());
        for (Object value : key) {
            if (value instanceof Missing) {
                serialized.write(buffer, key);
                return;
            }
            values.add(value);
        }
        DocumentValueType.INSTANCE.write(buffer, new Document(VALUES_FIELD, values));
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != DocumentValueType.BSON) {
            return (KeyValue) serialized.read(buffer);
        }
        return new KeyValue((List<?>) DocumentValueType.INSTANCE.read(buffer).get(VALUES_FIELD));
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
