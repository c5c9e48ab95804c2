package io.jangteo.graphql.demo;

import io.jangteo.messages.catalog.CategoryId;
import io.jangteo.messages.catalog.OptionAxis;
import io.jangteo.messages.catalog.VariantSpec;
import io.jangteo.messages.seller.SettlementAccount;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shipping.OverseasShipping;
import io.jangteo.messages.shipping.OverseasZone;
import io.jangteo.messages.shipping.ShippingPolicy;
import io.jangteo.messages.shipping.WeightBracket;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The demo marketplace: shops with different shipping policies, a two-level category tree, and products with
 * options, Korean and English names and stock, generated from a fixed seed so every installation looks the same.
 */
final class DemoCatalog {

    record Shop(String key, String shopName, String representative, String businessNumber, String email,
                String phone, ShippingPolicy policy) {
    }

    record Category(String key, String parentKey, String name) {
    }

    record Item(String shopKey, String categoryKey, String name, String description, String brand,
                List<String> tags, Money basePrice, List<OptionAxis> options, List<VariantSpec> variants,
                boolean publish) {
    }

    private DemoCatalog() {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("fashion", null, "패션의류"), new Category("tops", "fashion", "상의"),
            new Category("bottoms", "fashion", "하의"), new Category("shoes", "fashion", "신발"),
            new Category("food", null, "식품"), new Category("fresh", "food", "신선식품"),
            new Category("snacks", "food", "간식·가공식품"), new Category("health", "food", "건강식품"),
            new Category("digital", null, "가전·디지털"), new Category("audio", "digital", "음향기기"),
            new Category("kitchen-appliances", "digital", "주방가전"),
            new Category("living", null, "생활·주방"), new Category("cookware", "living", "주방용품"),
            new Category("bath", "living", "욕실용품"),
            new Category("beauty", null, "뷰티"), new Category("skincare", "beauty", "스킨케어"),
            new Category("makeup", "beauty", "메이크업"));

    private static Money won(long amount) {
        return Money.won(amount);
    }

    private static OverseasZone zone(String name, Set<String> countries, long... gramsAndFees) {
        List<WeightBracket> brackets = new ArrayList<>();
        for (int i = 0; i < gramsAndFees.length; i += 2) {
            brackets.add(new WeightBracket(gramsAndFees[i], won(gramsAndFees[i + 1])));
        }
        return new OverseasZone(name, countries, brackets);
    }

    static final List<Shop> SHOPS = List.of(
            new Shop("hanbit", "한빛패션", "김한빛", businessNumber("120812345"), "cs@hanbit-fashion.example",
                    "02-555-0101", new ShippingPolicy(won(3_000), won(50_000), true, won(3_000), won(5_000), null,
                    won(6_000), won(6_000))),
            new Shop("jeju", "제주바당농장", "고바당", businessNumber("616811223"), "farm@jejubadang.example",
                    "064-700-1234", new ShippingPolicy(won(4_000), won(30_000), true, won(0), won(7_000), null,
                    won(8_000), won(8_000))),
            new Shop("sound", "Seoul Sound Lab", "이소리", businessNumber("214876543"), "hello@seoulsound.example",
                    "02-3456-7890", new ShippingPolicy(won(2_500), null, false, won(3_500), won(6_000),
                    new OverseasShipping(List.of(
                            zone("Asia", Set.of("JP", "CN", "TW", "HK", "SG"), 500, 9_000, 2_000, 18_000, 5_000, 32_000),
                            zone("Americas & Europe", Set.of("US", "CA", "GB", "DE", "FR"), 500, 15_000, 2_000,
                                    29_000, 5_000, 52_000))),
                    won(5_000), won(5_000))),
            new Shop("kitchen", "맑은주방", "박맑음", businessNumber("305819876"), "help@malgeun.example",
                    "031-222-3344", new ShippingPolicy(won(3_000), won(40_000), true, won(3_000), won(5_000),
                    new OverseasShipping(List.of(zone("Asia", Set.of("JP", "TW", "HK"), 1_000, 12_000, 3_000,
                            22_000))), won(6_000), won(6_000))),
            new Shop("glow", "Glow Lab Beauty", "최윤슬", businessNumber("107866554"), "care@glowlab.example",
                    "02-6677-8899", new ShippingPolicy(won(2_500), won(20_000), true, won(2_500), won(4_000),
                    new OverseasShipping(List.of(
                            zone("Asia", Set.of("JP", "CN", "TW", "HK", "SG", "VN", "TH"), 300, 7_000, 1_000, 12_000),
                            zone("Rest of world", Set.of("US", "CA", "AU", "GB", "DE", "FR"), 300, 11_000, 1_000,
                                    19_000))), won(3_000), won(3_000))));

    static SettlementAccount account(Shop shop) {
        return new SettlementAccount("004", shop.representative(), "***-**-****" + shop.businessNumber().substring(7),
                "demo-account-token-" + shop.key());
    }

    /** Appends the check digit of a 사업자등록번호 to its first nine digits. */
    static String businessNumber(String nineDigits) {
        int[] weights = {1, 3, 7, 1, 3, 7, 1, 3, 5};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * weights[i];
        }
        sum += ((nineDigits.charAt(8) - '0') * 5) / 10;
        return nineDigits + ((10 - sum % 10) % 10);
    }

    private record Template(String shopKey, String categoryKey, String brand, String[] korean, String[] english,
                            long minPrice, long maxPrice, int weightGrams, String kind, String... tags) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("hanbit", "tops", "HANBIT", new String[]{"오버핏 코튼 티셔츠", "린넨 셔츠", "니트 가디건", "후드 스웨트셔츠"},
                    new String[]{"Overfit Cotton Tee", "Linen Shirt", "Knit Cardigan", "Hooded Sweatshirt"},
                    19_000, 69_000, 350, "apparel", "데일리", "basic"),
            new Template("hanbit", "bottoms", "HANBIT", new String[]{"와이드 데님 팬츠", "슬랙스", "조거 팬츠"},
                    new String[]{"Wide Denim Pants", "Slacks", "Jogger Pants"}, 29_000, 79_000, 600, "apparel",
                    "데님", "pants"),
            new Template("hanbit", "shoes", "STEP", new String[]{"캔버스 스니커즈", "러닝화", "첼시 부츠"},
                    new String[]{"Canvas Sneakers", "Running Shoes", "Chelsea Boots"}, 39_000, 129_000, 900, "shoes",
                    "신발", "shoes"),
            new Template("jeju", "fresh", "제주바당", new String[]{"제주 감귤", "한라봉", "천혜향", "제주 당근"},
                    new String[]{"Jeju Tangerines", "Hallabong", "Cheonhyehyang", "Jeju Carrots"}, 15_900, 45_000,
                    3_000, "produce", "제주", "fruit"),
            new Template("jeju", "snacks", "제주바당", new String[]{"감귤 초콜릿", "오메기떡", "보리 쿠키"},
                    new String[]{"Tangerine Chocolate", "Omegi Rice Cake", "Barley Cookies"}, 6_900, 19_900, 400,
                    "plain", "간식", "snack"),
            new Template("jeju", "health", "제주바당", new String[]{"유기농 녹차", "감귤 비타민"},
                    new String[]{"Organic Green Tea", "Tangerine Vitamin C"}, 12_000, 39_000, 300, "plain", "건강",
                    "tea"),
            new Template("sound", "audio", "SSL", new String[]{"무선 이어폰", "블루투스 스피커", "스튜디오 헤드폰", "USB 마이크"},
                    new String[]{"Wireless Earbuds", "Bluetooth Speaker", "Studio Headphones", "USB Microphone"},
                    39_000, 329_000, 700, "colour", "audio", "무선"),
            new Template("kitchen", "kitchen-appliances", "MALGEUN", new String[]{"에어프라이어", "전기포트", "핸드 블렌더"},
                    new String[]{"Air Fryer", "Electric Kettle", "Hand Blender"}, 29_000, 159_000, 2_500, "colour",
                    "주방가전", "kitchen"),
            new Template("kitchen", "cookware", "MALGEUN", new String[]{"스테인리스 냄비", "무쇠 프라이팬", "도마 세트", "밀폐용기"},
                    new String[]{"Stainless Pot", "Cast Iron Pan", "Cutting Board Set", "Food Containers"}, 9_900,
                    89_000, 1_500, "size", "주방", "cookware"),
            new Template("kitchen", "bath", "MALGEUN", new String[]{"호텔 수건", "규조토 발매트"},
                    new String[]{"Hotel Towel", "Diatomite Bath Mat"}, 8_900, 29_000, 800, "colour", "욕실", "bath"),
            new Template("glow", "skincare", "GLOW LAB", new String[]{"수분 크림", "진정 토너", "비타민 세럼", "선크림"},
                    new String[]{"Moisture Cream", "Calming Toner", "Vitamin Serum", "Sunscreen"}, 12_000, 48_000,
                    250, "volume", "스킨케어", "skincare"),
            new Template("glow", "makeup", "GLOW LAB", new String[]{"쿠션 파운데이션", "립 틴트", "아이섀도 팔레트"},
                    new String[]{"Cushion Foundation", "Lip Tint", "Eyeshadow Palette"}, 15_000, 42_000, 150, "shade",
                    "메이크업", "makeup"));

    /** {@code count} products cycling through the templates, with deterministic variety. */
    static List<Item> items(int count) {
        Random random = new Random(20261125L);
        List<Item> items = new ArrayList<>(count);
        String[] editions = {"", " 2세대", " 프리미엄", " 라이트", " 에센셜", " 시즌2"};
        for (int i = 0; i < count; i++) {
            Template t = TEMPLATES.get(i % TEMPLATES.size());
            int pick = random.nextInt(t.korean().length);
            String edition = editions[(i / TEMPLATES.size()) % editions.length];
            boolean englishFirst = random.nextInt(4) == 0;
            String name = englishFirst ? t.english()[pick] + edition.replace("세대", " Gen").replace("프리미엄", "Premium")
                    .replace("라이트", "Lite").replace("에센셜", "Essential").replace("시즌", "Season ")
                    : t.korean()[pick] + edition;
            long price = roundTo100(t.minPrice() + (long) (random.nextDouble() * (t.maxPrice() - t.minPrice())));
            List<OptionAxis> options = new ArrayList<>();
            List<VariantSpec> variants = new ArrayList<>();
            switch (t.kind()) {
                case "apparel" -> {
                    options.add(new OptionAxis("색상", List.of("블랙", "화이트", "네이비")));
                    options.add(new OptionAxis("사이즈", List.of("S", "M", "L", "XL")));
                    for (String colour : options.get(0).values()) {
                        for (String size : options.get(1).values()) {
                            long delta = size.equals("XL") ? 2_000 : 0;
                            variants.add(new VariantSpec(null, null, List.of(colour, size), won(delta),
                                    t.weightGrams(), stock(random)));
                        }
                    }
                }
                case "shoes" -> {
                    options.add(new OptionAxis("사이즈", List.of("240", "250", "260", "270", "280")));
                    for (String size : options.get(0).values()) {
                        variants.add(new VariantSpec(null, null, List.of(size), won(0), t.weightGrams(),
                                stock(random)));
                    }
                }
                case "produce" -> {
                    options.add(new OptionAxis("중량", List.of("2kg", "3kg", "5kg")));
                    long[] deltas = {0, price / 2, price * 3 / 2};
                    int[] weights = {2_300, 3_400, 5_600};
                    for (int k = 0; k < 3; k++) {
                        variants.add(new VariantSpec(null, null, List.of(options.get(0).values().get(k)),
                                won(roundTo100(deltas[k])), weights[k], stock(random)));
                    }
                }
                case "colour", "shade" -> {
                    List<String> values = t.kind().equals("colour") ? List.of("화이트", "블랙", "그레이")
                            : List.of("21호 라이트", "23호 내추럴", "25호 베이지");
                    options.add(new OptionAxis(t.kind().equals("colour") ? "색상" : "호수", values));
                    for (String value : values) {
                        variants.add(new VariantSpec(null, null, List.of(value), won(0), t.weightGrams(),
                                stock(random)));
                    }
                }
                case "size", "volume" -> {
                    List<String> values = t.kind().equals("size") ? List.of("소", "중", "대") : List.of("30ml", "50ml");
                    options.add(new OptionAxis(t.kind().equals("size") ? "크기" : "용량", values));
                    for (int k = 0; k < values.size(); k++) {
                        variants.add(new VariantSpec(null, null, List.of(values.get(k)),
                                won(roundTo100(price * k / 3)), t.weightGrams() * (k + 1), stock(random)));
                    }
                }
                default -> variants.add(new VariantSpec(null, null, List.of(), won(0), t.weightGrams(),
                        stock(random)));
            }
            String description = name + " — " + t.brand() + "의 " + String.join(", ", t.tags())
                    + " 상품입니다. Demo product for trying the Jangteo storefront.";
            // a few drafts and hidden ones, so sellers and admins see every status
            boolean publish = i % 25 != 7;
            items.add(new Item(t.shopKey(), t.categoryKey(), name, description, t.brand(), List.of(t.tags()),
                    won(price), options, variants, publish));
        }
        return items;
    }

    private static long stock(Random random) {
        int roll = random.nextInt(10);
        return roll == 0 ? 0 : roll < 3 ? 1 + random.nextInt(5) : 10 + random.nextInt(190);
    }

    private static long roundTo100(long amount) {
        return (amount / 100) * 100;
    }

    static CategoryId categoryId(String key) {
        return CategoryId.of("demo-" + key);
    }
}
