package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Index keys compared by value (MongoDB's order of BSON values) instead of by their Java-serialized bytes, and
 * serialized exactly as H2's generic type does. Equal keys must compare as 0 and unequal keys never, or the unique
 * index would merge or split entries: values that MongoDB's order ties but Java tells apart fall back to their bytes.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    static final KeyValueType INSTANCE = new KeyValueType();

    private static final Comparator<Object> VALUES = ValueComparator.asc();
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

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        serialized.write(buffer, key);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        return (KeyValue) serialized.read(buffer);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
