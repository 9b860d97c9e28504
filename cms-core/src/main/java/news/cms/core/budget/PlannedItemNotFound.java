package news.cms.core.budget;

/** No planned item has that id. */
public class PlannedItemNotFound extends RuntimeException {

    public PlannedItemNotFound(PlannedItemId id) {
        super("no planned item " + id);
    }
}
