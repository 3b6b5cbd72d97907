package dev.autoprom.bench.large;

import java.time.LocalDate;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ten owners with two pets and a visit each, written once every bean exists and before the web server starts, so
 * that the first request already finds them.
 */
@Component
class ClinicSeed implements SmartInitializingSingleton {

    private final TransactionTemplate transactions;
    private final OwnerRepository owners;
    private final PetRepository pets;
    private final PetTypeRepository types;
    private final VisitRepository visits;

    ClinicSeed(
            TransactionTemplate transactions,
            OwnerRepository owners,
            PetRepository pets,
            PetTypeRepository types,
            VisitRepository visits) {
        this.transactions = transactions;
        this.owners = owners;
        this.pets = pets;
        this.types = types;
        this.visits = visits;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeWithoutResult(status -> {
            PetType cat = types.save(new PetType("cat"));
            PetType dog = types.save(new PetType("dog"));
            for (int i = 1; i <= 10; i++) {
                Owner owner = owners.save(new Owner("owner" + i, "0123456" + i));
                for (PetType type : new PetType[] {cat, dog}) {
                    Pet pet = pets.save(new Pet(type.getName() + i, LocalDate.of(2020, 1, i), owner, type));
                    visits.save(new Visit(LocalDate.of(2026, 12, i), "check-up", pet));
                }
            }
        });
    }
}
