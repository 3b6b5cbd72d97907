package dev.autoprom.bench.large;

import org.springframework.data.jpa.repository.JpaRepository;

/** Also exported by Spring Data REST under /api. */
public interface VetRepository extends JpaRepository<Vet, Long> {
}
