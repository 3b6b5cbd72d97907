package dev.autoprom.bench.large;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Also exported by Spring Data REST under /api. */
public interface OwnerRepository extends JpaRepository<Owner, Long> {
    List<Owner> findByNameStartingWith(String prefix);
}
