package dev.leadkit.jpa.internal;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

import javax.sql.DataSource;
import java.net.URL;
import java.util.List;
import java.util.Properties;

/**
 * The persistence unit of LeadKit's entities, declared in code so that no
 * {@code META-INF/persistence.xml} has to be found on (or kept off) the host's class path.
 *
 * <pre>{@code
 * new HibernatePersistenceProvider().createContainerEntityManagerFactory(
 *         new LeadKitPersistenceUnit("leadkit", dataSource, HibernatePersistenceProvider.class.getName()), properties);
 * }</pre>
 */
public final class LeadKitPersistenceUnit implements PersistenceUnitInfo {

    /** The entity classes a host's own persistence unit must list to use the JPA store. */
    public static final List<String> MANAGED_CLASSES = List.of(LeadEntity.class.getName(),
            HistoryEntity.class.getName(), CatalogueEntity.class.getName(), SettingsEntity.class.getName(),
            AccessRequestEntity.class.getName(), CustomFieldsEntity.class.getName(), ActivityEntity.class.getName(),
            StreamPostEntity.class.getName(), AttachmentEntity.class.getName(), ViewEntity.class.getName(),
            CustomValueEmbeddable.class.getName(),
            CustomOptionEmbeddable.class.getName());

    private final String name;
    private final DataSource dataSource;
    private final String providerClassName;

    /**
     * @param name              the unit's name
     * @param dataSource        where connections come from
     * @param providerClassName the persistence provider
     */
    public LeadKitPersistenceUnit(String name, DataSource dataSource, String providerClassName) {
        this.name = name;
        this.dataSource = dataSource;
        this.providerClassName = providerClassName;
    }

    @Override
    public String getPersistenceUnitName() {
        return name;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return providerClassName;
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return null;
    }

    @Override
    public List<String> getManagedClassNames() {
        return MANAGED_CLASSES;
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return new Properties();
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.1";
    }

    @Override
    public ClassLoader getClassLoader() {
        return LeadKitPersistenceUnit.class.getClassLoader();
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // Entities are used as compiled: no load-time weaving.
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return null;
    }
}
