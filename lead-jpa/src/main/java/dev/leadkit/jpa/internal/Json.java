package dev.leadkit.jpa.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadkit.LeadKitException;
import dev.leadkit.activity.FieldChange;
import dev.leadkit.field.CustomField;
import dev.leadkit.field.FieldOption;
import dev.leadkit.field.FieldType;
import dev.leadkit.field.FieldValue;
import dev.leadkit.lead.ProductInterest;
import dev.leadkit.workflow.CatalogueEntry;
import dev.leadkit.workflow.StatusCategory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON documents inside JSON-valued columns. Written with Jackson's tree model rather than
 * data binding, so the core's records need neither annotations nor reflective access, and the
 * stored shape is spelled out here:
 *
 * <ul>
 *   <li>history changes: {@code [{"field":"email","before":"a@b.dk","after":"c@d.dk"}]} — a
 *       missing {@code before}/{@code after} key is an absent value, {@code ""} an empty one;</li>
 *   <li>catalogue entries: {@code [{"code":"new","category":"OPEN","labels":{"en":"New"},"active":true}]};</li>
 *   <li>settings: {@code {"lead.requiredFields":"email,firstName"}};</li>
 *   <li>custom field definitions: {@code [{"key":"budget","type":"NUMBER","labels":{"en":"Budget"},
 *       "required":false,"shownOnCreate":true,"shownOnEdit":true,"active":true,
 *       "options":[{"code":"crm","labels":{"en":"CRM"},"active":true}]}]} — label objects in key order;</li>
 *   <li>an activity's attendees: {@code {"jonas":"ACCEPTED"}}, written with {@link #values(Map)}.</li>
 *   <li>a lead's custom values: {@code {"budget":{"kind":"NUMBER","canonical":"25000"}}} — the
 *       value's kind and {@link FieldValue#canonical() canonical text}, which
 *       {@link FieldValue#fromCanonical} reads back exactly;</li>
 *   <li>a lead's tags: {@code ["vip","fair-2026"]};</li>
 *   <li>a lead's products: {@code [{"ref":"SKU-1","quantity":"4","note":""}]}, in the order added —
 *       the quantity as plain decimal text, so no scale is lost to a JSON number.</li>
 * </ul>
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * An empty collection column. Not {@code null}: the PostgreSQL driver cannot bind a null of
     * Hibernate's long-text type. A {@code null} (rows written before schema version 3) reads as
     * empty too.
     */
    static final String NONE = "";

    private Json() {
    }

    static String changes(List<FieldChange> changes) {
        ArrayNode array = MAPPER.createArrayNode();
        for (FieldChange change : changes) {
            ObjectNode node = array.addObject();
            node.put("field", change.field());
            change.before().ifPresent(v -> node.put("before", v));
            change.after().ifPresent(v -> node.put("after", v));
        }
        return write(array);
    }

    static List<FieldChange> changes(String json) {
        List<FieldChange> changes = new ArrayList<>();
        for (JsonNode node : read(json)) {
            changes.add(new FieldChange(text(node, "field"), optionalText(node, "before"), optionalText(node, "after")));
        }
        return changes;
    }

    static String entries(List<CatalogueEntry> entries) {
        ArrayNode array = MAPPER.createArrayNode();
        for (CatalogueEntry entry : entries) {
            ObjectNode node = array.addObject();
            node.put("code", entry.code());
            entry.category().ifPresent(c -> node.put("category", c.name()));
            ObjectNode labels = node.putObject("labels");
            new TreeMap<>(entry.labels()).forEach(labels::put);
            node.put("active", entry.active());
        }
        return write(array);
    }

    static List<CatalogueEntry> entries(String json) {
        List<CatalogueEntry> entries = new ArrayList<>();
        for (JsonNode node : read(json)) {
            Optional<StatusCategory> category = optionalText(node, "category").map(StatusCategory::valueOf);
            entries.add(new CatalogueEntry(text(node, "code"), category, stringMap(node.get("labels")),
                    node.path("active").asBoolean(true)));
        }
        return entries;
    }

    static String values(Map<String, String> values) {
        ObjectNode object = MAPPER.createObjectNode();
        new TreeMap<>(values).forEach(object::put);
        return write(object);
    }

    static Map<String, String> values(String json) {
        return stringMap(read(json));
    }

    static String customFields(List<CustomField> fields) {
        ArrayNode array = MAPPER.createArrayNode();
        for (CustomField field : fields) {
            ObjectNode node = array.addObject();
            node.put("key", field.key());
            node.put("type", field.type().name());
            labels(node, field.labels());
            node.put("required", field.required());
            node.put("shownOnCreate", field.shownOnCreate());
            node.put("shownOnEdit", field.shownOnEdit());
            node.put("active", field.active());
            ArrayNode options = node.putArray("options");
            for (FieldOption option : field.options()) {
                ObjectNode o = options.addObject();
                o.put("code", option.code());
                labels(o, option.labels());
                o.put("active", option.active());
            }
        }
        return write(array);
    }

    static List<CustomField> customFields(String json) {
        List<CustomField> fields = new ArrayList<>();
        try {
            for (JsonNode node : read(json)) {
                List<FieldOption> options = new ArrayList<>();
                for (JsonNode o : node.path("options")) {
                    options.add(new FieldOption(text(o, "code"), stringMap(o.get("labels")), o.path("active").asBoolean(true)));
                }
                fields.add(new CustomField(text(node, "key"), FieldType.valueOf(text(node, "type")),
                        stringMap(node.get("labels")), node.path("required").asBoolean(false),
                        node.path("shownOnCreate").asBoolean(true), node.path("shownOnEdit").asBoolean(true),
                        node.path("active").asBoolean(true), options));
            }
        } catch (IllegalArgumentException e) {
            // Names the rule broken, never the stored labels (which may be anything a host typed).
            throw corrupt("a stored custom field definition is invalid (" + e.getClass().getSimpleName() + ")");
        }
        return fields;
    }

    /** Labels in key order, so equal definitions always give the same document. */
    private static void labels(ObjectNode node, Map<String, String> labels) {
        ObjectNode object = node.putObject("labels");
        new TreeMap<>(labels).forEach(object::put);
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new TreeMap<>();
        if (object == null) {
            return map;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(field.getKey(), field.getValue().asText());
        }
        return map;
    }

    /** @return the document, or {@link #NONE} when there is no value */
    static String custom(Map<String, FieldValue> custom) {
        if (custom.isEmpty()) {
            return NONE;
        }
        ObjectNode object = MAPPER.createObjectNode();
        custom.forEach((key, value) -> object.putObject(key).put("kind", value.kind().name())
                .put("canonical", value.canonical()));
        return write(object);
    }

    static Map<String, FieldValue> custom(String json) {
        Map<String, FieldValue> custom = new TreeMap<>();
        if (json == null || json.isEmpty()) {
            return custom;
        }
        JsonNode object = read(json);
        if (!object.isObject()) {
            throw corrupt("custom values are not a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            try {
                custom.put(field.getKey(), FieldValue.fromCanonical(
                        FieldValue.Kind.valueOf(text(field.getValue(), "kind")), text(field.getValue(), "canonical")));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw corrupt("the custom value '" + field.getKey() + "' is not a canonical value of its kind");
            }
        }
        return custom;
    }

    /** @return the document, or {@link #NONE} when there are no tags */
    static String tags(Collection<String> tags) {
        if (tags.isEmpty()) {
            return NONE;
        }
        ArrayNode array = MAPPER.createArrayNode();
        tags.forEach(array::add);
        return write(array);
    }

    static Set<String> tags(String json) {
        Set<String> tags = new LinkedHashSet<>();
        if (json == null || json.isEmpty()) {
            return tags;
        }
        for (JsonNode tag : array(json, "tags")) {
            tags.add(tag.asText());
        }
        return tags;
    }

    /** @return the document, or {@link #NONE} when there are no products */
    static String products(List<ProductInterest> products) {
        if (products.isEmpty()) {
            return NONE;
        }
        ArrayNode array = MAPPER.createArrayNode();
        for (ProductInterest product : products) {
            array.addObject().put("ref", product.productRef()).put("quantity", product.quantity().toPlainString())
                    .put("note", product.note());
        }
        return write(array);
    }

    static List<ProductInterest> products(String json) {
        List<ProductInterest> products = new ArrayList<>();
        if (json == null || json.isEmpty()) {
            return products;
        }
        for (JsonNode product : array(json, "products")) {
            try {
                products.add(new ProductInterest(text(product, "ref"), new BigDecimal(text(product, "quantity")),
                        text(product, "note")));
            } catch (NumberFormatException e) {
                throw corrupt("a product's quantity is not a number");
            }
        }
        return products;
    }

    private static JsonNode array(String json, String what) {
        JsonNode array = read(json);
        if (!array.isArray()) {
            throw corrupt(what + " are not a JSON array");
        }
        return array;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual()) {
            throw corrupt("a stored JSON document lacks its '" + key + "' text");
        }
        return value.asText();
    }

    private static Optional<String> optionalText(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree of strings, booleans and arrays always serialises; reaching this is a bug.
            throw new IllegalStateException("could not write a JSON column", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the document, which may hold personal data: keep it out.
            throw corrupt("a stored JSON document is not valid JSON");
        }
    }

    private static LeadKitException corrupt(String what) {
        return new LeadKitException("store.data.corrupt", "The stored data cannot be read: " + what
                + ". Was the row written by something other than LeadKit?");
    }
}
