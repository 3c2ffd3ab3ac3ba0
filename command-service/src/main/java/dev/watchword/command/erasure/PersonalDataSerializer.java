package dev.watchword.command.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserEvent;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The event store's serializer (crypto-shredding): Jackson, except that the personal fields of user
 * events ({@link UserEvent#PERSONAL_FIELDS}) are stored encrypted with the user's own data key
 * ({@link PersonalDataCipher}) and opened again when the events are read. Once {@link UserErased} destroyed the
 * key, they read as {@code null}: the events, their order and the hash chain over their stored bytes stay as
 * they are, the personal data is gone. Aggregates, processors and the Kafka publisher see plain records and
 * never know.
 * <p>
 * A clear value in a stored event (written before this serializer existed and not yet migrated) is read as it
 * is; {@link PersonalDataEncryptionMigration} encrypts those once.
 */
public class PersonalDataSerializer implements Serializer {

    private final Serializer jackson;
    private final ObjectMapper mapper;
    private final PersonalDataKeys keys;

    public PersonalDataSerializer(Serializer jackson, ObjectMapper mapper, PersonalDataKeys keys) {
        this.jackson = jackson;
        this.mapper = mapper;
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (!(object instanceof UserEvent event) || object instanceof UserErased) {
            return jackson.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = mapper.valueToTree(event);
        PersonalDataCipher.encryptFields(tree, event.userId(), keys::keyFor);
        SerializedObject<JsonNode> encrypted =
                new SimpleSerializedObject<>(tree, JsonNode.class, typeForClass(object.getClass()));
        return getConverter().convert(encrypted, expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        if (!UserEvent.class.isAssignableFrom(type)) {
            return jackson.deserialize(serializedObject);
        }
        JsonNode tree = getConverter().convert(serializedObject, JsonNode.class).getData();
        if (!(tree instanceof ObjectNode object) || !hasEncryptedField(object)) {
            // parsed once already: read the record from the tree rather than from the bytes again
            return jackson.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
        }
        ObjectNode opened = object.deepCopy();
        String userId = opened.path("userId").asText();
        Optional<SecretKey> key = keys.keyOf(userId);
        for (Iterator<Map.Entry<String, JsonNode>> fields = opened.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String value = field.getValue().isTextual() ? field.getValue().asText() : null;
            if (PersonalDataCipher.isEncrypted(value)) {
                field.setValue(
                        key.map(k -> opened.textNode(PersonalDataCipher.decrypt(value, k, userId, field.getKey())))
                                .map(JsonNode.class::cast)
                                .orElse(opened.nullNode()));
            }
        }
        return (T)
                jackson.deserialize(new SimpleSerializedObject<>(opened, JsonNode.class, serializedObject.getType()));
    }

    private static boolean hasEncryptedField(ObjectNode tree) {
        for (String field : UserEvent.PERSONAL_FIELDS) {
            if (tree.has(field)
                    && PersonalDataCipher.isEncrypted(tree.get(field).asText(null))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return jackson.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return jackson.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return jackson.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return jackson.getConverter();
    }
}
