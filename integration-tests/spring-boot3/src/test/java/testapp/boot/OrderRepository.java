package testapp.boot;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data JPA: each call is a transaction of its own. */
public interface OrderRepository extends JpaRepository<PurchaseOrder, Long> {}
