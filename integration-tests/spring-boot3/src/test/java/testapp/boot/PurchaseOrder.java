package testapp.boot;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A JPA entity, mapped by Hibernate to the table {@code purchase_order} (created by Boot's ddl-auto for H2). */
@Entity
public class PurchaseOrder {

    @Id
    private Long id;

    private String item;

    protected PurchaseOrder() {}

    public PurchaseOrder(Long id, String item) {
        this.id = id;
        this.item = item;
    }

    public String getItem() {
        return item;
    }
}
