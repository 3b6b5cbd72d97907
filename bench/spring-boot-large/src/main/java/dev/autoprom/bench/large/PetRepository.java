package dev.autoprom.bench.large;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

/** Also exported by Spring Data REST under /api. */
public interface PetRepository extends JpaRepository<Pet, Long> {
    @Query("select p from Pet p where p.type.name = ?1")
    List<Pet> findByTypeName(String type);
}
