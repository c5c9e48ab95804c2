package io.jangteo.query.catalog;

import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.shared.Money;
import io.jangteo.query.shared.BsonValues;
import org.bson.Document;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the in-memory list index holds of one product: the fields lists filter and sort on, text already folded for
 * matching. A few hundred bytes per product, where the whole document (variants, media) is read only for a page.
 */
record CatalogEntry(String id, String sellerId, String categoryId, ProductStatus status, long minPrice,
                    String currency, boolean inStock, String nameKey, String brandKey, List<String> tagKeys,
                    long position, long changeSeq) {

    static CatalogEntry of(Document document) {
        Money minPrice = BsonValues.money(document, ProductDocument.MIN_PRICE);
        List<String> tagKeys = new ArrayList<>();
        for (String tag : BsonValues.strings(document, ProductDocument.TAGS)) {
            tagKeys.add(searchKey(tag));
        }
        return new CatalogEntry(
                document.getString("_id"),
                document.getString(ProductDocument.SELLER_ID),
                document.getString(ProductDocument.CATEGORY_ID),
                BsonValues.enumValue(document, ProductDocument.STATUS, ProductStatus.class),
                minPrice == null ? 0 : minPrice.amount(),
                minPrice == null ? "" : minPrice.currency(),
                document.getBoolean(ProductDocument.IN_STOCK, false),
                searchKey(document.getString(ProductDocument.NAME)),
                searchKey(document.getString(ProductDocument.BRAND)),
                List.copyOf(tagKeys),
                ProductDocument.position(document),
                ProductDocument.changeSeq(document));
    }

    /**
     * Text folded for case-insensitive matching. Hangul typed on some systems arrives decomposed into jamo (NFD);
     * composing it first lets "김치" match whichever way either side was typed.
     */
    static String searchKey(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    boolean containsText(String key) {
        if (nameKey.contains(key) || brandKey.contains(key)) {
            return true;
        }
        for (String tag : tagKeys) {
            if (tag.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
