package io.github.cloudfrontsigned.jaxrs.app;

/** A catalog entry serialized by JSON-B: a protected video and poster, a public page. */
public class Item {
    /** The name. */
    public String name;
    /** A protected link. */
    public String video;
    /** A protected link with a query. */
    public String poster;
    /** A public link, never signed. */
    public String page;

    /** For JSON-B. */
    public Item() {}

    /**
     * @param i the item number
     * @return item {@code i}
     */
    public static Item number(int i) {
        Item item = new Item();
        item.name = "Lesson " + i;
        item.video = CatalogResource.PRIVATE + "videos/lesson-" + i + ".mp4";
        item.poster = CatalogResource.PRIVATE + "posters/lesson-" + i + ".jpg?w=640&h=360";
        item.page = CatalogResource.CDN + "/public/lessons/" + i + ".html";
        return item;
    }
}
