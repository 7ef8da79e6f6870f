package dev.leadkit.lead;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A product the lead is interested in (requirement M5, seed 000's "Ürün" tab).
 *
 * <pre>{@code
 * kit.leads().addProduct(actor, id, new ProductInterest("SKU-CURTAIN-120", new BigDecimal("4"), "Velvet, dark green"));
 * }</pre>
 *
 * @param productRef the host's product reference (SKU, id), 1 to 100 characters
 * @param quantity   how many, greater than 0, at most 4 decimals
 * @param note       free text, at most 500 characters; may be empty
 * @since 0.1
 */
public record ProductInterest(String productRef, BigDecimal quantity, String note) {

    /** Checks the components; texts are checked and normalised by the lead service. */
    public ProductInterest {
        Objects.requireNonNull(productRef, "productRef");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(note, "note");
        quantity = quantity.signum() == 0 ? BigDecimal.ZERO : quantity.stripTrailingZeros();
        if (quantity.scale() < 0) {
            quantity = quantity.setScale(0);
        }
    }

    /** Names the product only. */
    @Override
    public String toString() {
        return "ProductInterest[" + productRef + " x " + quantity.toPlainString() + "]";
    }
}
