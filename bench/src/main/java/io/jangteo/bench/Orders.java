package io.jangteo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The checkout scenario's world and its call: two approved shops with shipping policies, a shelf of published
 * products with ample stock, and buyers with a stored card (브랜드페이), so one {@code placeOrder} takes an order from
 * nothing to PAID — quote, order, stock reservations, the payment charge and the stock commit — and answers when it
 * is paid.
 */
public final class Orders {

    static final String PLACE = "mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) "
            + "{ orderId order { id status amountToPay { amount } } errors { code field message } } }";
    private static final String REGISTER_SELLER = "mutation Register($input: RegisterSellerInput!) { "
            + "registerSeller(input: $input) { seller { id } errors { code field message } } }";
    private static final String APPROVE_SELLER = "mutation Approve($input: ApproveSellerInput!) { "
            + "approveSeller(input: $input) { seller { id status } errors { code field message } } }";
    private static final String SHIPPING_POLICY = "mutation Policy($input: ChangeShippingPolicyInput!) { "
            + "changeShippingPolicy(input: $input) { seller { id } errors { code field message } } }";
    private static final String CREATE_PRODUCT = "mutation Create($input: CreateProductInput!) { "
            + "createProduct(input: $input) { product { id variants { id } } errors { code field message } } }";
    private static final String PUBLISH = "mutation Publish($input: ProductInput!) { "
            + "publishProduct(input: $input) { product { id status } errors { code field message } } }";
    private static final String STORE_CARD = "mutation Card($input: RegisterPaymentMethodInput!) { "
            + "registerPaymentMethod(input: $input) { member { paymentMethods { id } } errors { code field message } } }";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PRODUCTS_PER_SHOP = 10;
    private static final long STOCK = 100_000_000L;

    record Item(String productId, String variantId) {
    }

    record Buyer(String token, String storedMethodId) {
    }

    private final GraphQl gql;
    private final List<Item> shelf = new ArrayList<>();
    private final List<Buyer> buyers = new ArrayList<>();
    private final AtomicLong orders = new AtomicLong();
    private final Map<String, String> sellerTokens = new ConcurrentHashMap<>();

    private Orders(GraphQl gql) {
        this.gql = gql;
    }

    /** Sets the world up through the API, as shops and shoppers would. */
    public static Orders prepare(GraphQl gql, String adminToken, int buyers, String password) throws IOException,
            InterruptedException {
        Orders world = new Orders(gql);
        for (String shop : List.of("벤치 문구점", "벤치 생활용품")) {
            String sellerToken = world.shop(shop, adminToken);
            for (int i = 0; i < PRODUCTS_PER_SHOP; i++) {
                world.shelf.add(world.product(sellerToken, shop + " 상품 " + i));
            }
        }
        for (int i = 0; i < buyers; i++) {
            String token = gql.member("bench-buyer-" + i + "-" + UUID.randomUUID().toString().substring(0, 6)
                    + "@bench.jangteo.test", password);
            ObjectNode card = JSON.createObjectNode().put("provider", "TOSS")
                    .put("authKey", "sandbox_VISA_4242_1230_" + UUID.randomUUID().toString().substring(0, 8));
            JsonNode stored = gql.mutation(STORE_CARD, card, token, "registerPaymentMethod");
            world.buyers.add(new Buyer(token, stored.path("member").path("paymentMethods").path(0).path("id").asText()));
        }
        return world;
    }

    int products() {
        return shelf.size();
    }

    /** One checkout: two different products, one unit each, a Seoul address, paid by the buyer's stored card. */
    Load.Call checkout() {
        return () -> {
            long n = orders.incrementAndGet();
            return paidOrError(gql.callForBody(placeBody(n), buyers.get((int) (n % buyers.size())).token()));
        };
    }

    /** Places one paid order for the buyer with that index; answers its id. */
    public String placePaidOrder(int buyer) throws IOException, InterruptedException {
        String answer = gql.callForBody(placeBody(buyer), buyers.get(buyer).token());
        String error = paidOrError(answer);
        if (error != null) {
            throw new IOException("placeOrder failed: " + error);
        }
        return JSON.readTree(answer).path("data").path("placeOrder").path("orderId").asText();
    }

    /** A signed-in token of the shop with that id (one of the two this world registered). */
    public String sellerToken(String sellerId) {
        String token = sellerTokens.get(sellerId);
        if (token == null) {
            throw new IllegalArgumentException("not a shop of this world: " + sellerId);
        }
        return token;
    }

    Item item(int index) {
        return shelf.get(index % shelf.size());
    }

    public String buyerToken(int buyer) {
        return buyers.get(buyer).token();
    }

    private String placeBody(long n) {
        Buyer buyer = buyers.get((int) (n % buyers.size()));
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int first = random.nextInt(shelf.size());
        int second = (first + 1 + random.nextInt(shelf.size() - 1)) % shelf.size();
        ObjectNode input = JSON.createObjectNode().put("idempotencyKey", "bench-" + n + "-" + random.nextInt()
                + "-" + UUID.randomUUID());
        ArrayNode lines = input.putArray("lines");
        for (int index : new int[] {first, second}) {
            Item item = shelf.get(index);
            lines.addObject().put("productId", item.productId()).put("variantId", item.variantId())
                    .put("quantity", 1);
        }
        input.putObject("shippingAddress").put("recipient", "김벤치").put("phone", "010-2345-6789")
                .put("country", "KR").put("postcode", "04524").put("address1", "서울특별시 중구 세종대로 110");
        input.putObject("payment").put("method", "BRAND_PAY").put("storedMethodId", buyer.storedMethodId());
        return GraphQl.body(PLACE, input);
    }

    /** Null when the answer is a paid order; an order that is not paid when placeOrder answers is not a checkout. */
    static String paidOrError(String answer) throws IOException {
        String error = GraphQl.errorOf(200, answer);
        if (error != null) {
            return error;
        }
        String status = JSON.readTree(answer).path("data").path("placeOrder").path("order").path("status").asText();
        return "PAID".equals(status) ? null : "order " + status + ": " + answer;
    }

    private String shop(String name, String adminToken) throws IOException, InterruptedException {
        String applicant = gql.devLogin("CUSTOMER", null, "bench-applicant-" + UUID.randomUUID());
        ObjectNode registration = JSON.createObjectNode().put("shopName", name + " " + UUID.randomUUID().toString()
                        .substring(0, 4)).put("representative", "정바다").put("businessNumber", "220-81-62517")
                .put("contactEmail", "shop@bench.jangteo.test").put("contactPhone", "010-1234-5678");
        registration.putObject("settlementAccount").put("bankCode", "088").put("holderName", "정바다")
                .put("maskedNumber", "110-***-***789").put("providerToken", "tok_bank_1");
        String sellerId = gql.mutation(REGISTER_SELLER, registration, applicant, "registerSeller")
                .path("seller").path("id").asText();
        gql.mutation(APPROVE_SELLER, JSON.createObjectNode().put("sellerId", sellerId), adminToken, "approveSeller");
        String seller = gql.devLogin("SELLER", sellerId, "bench-seller-" + sellerId);
        sellerTokens.put(sellerId, seller);
        ObjectNode policy = JSON.createObjectNode();
        ObjectNode fees = policy.putObject("policy");
        won(fees, "baseFee", 3_000);
        won(fees, "freeShippingThreshold", 50_000);
        fees.put("bundleShipping", true);
        won(fees, "jejuSurcharge", 3_000);
        won(fees, "remoteIslandSurcharge", 5_000);
        won(fees, "returnFee", 3_000);
        won(fees, "exchangeFee", 6_000);
        gql.mutation(SHIPPING_POLICY, policy, seller, "changeShippingPolicy");
        return seller;
    }

    private Item product(String sellerToken, String name) throws IOException, InterruptedException {
        ObjectNode input = JSON.createObjectNode().put("name", name);
        won(input, "basePrice", 12_000);
        ObjectNode variant = input.putArray("variants").addObject();
        variant.putArray("optionValues");
        won(variant, "priceDelta", 0);
        variant.put("weightGrams", 300).put("initialStock", STOCK);
        JsonNode product = gql.mutation(CREATE_PRODUCT, input, sellerToken, "createProduct").path("product");
        String productId = product.path("id").asText();
        gql.mutation(PUBLISH, JSON.createObjectNode().put("productId", productId), sellerToken, "publishProduct");
        return new Item(productId, product.path("variants").path(0).path("id").asText());
    }

    private static void won(ObjectNode parent, String field, long amount) {
        parent.putObject(field).put("amount", amount).put("currency", "KRW");
    }
}
