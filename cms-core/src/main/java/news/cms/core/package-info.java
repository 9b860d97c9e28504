/**
 * The newsroom domain shared by the three apps. Each sub-package is one feature (an application
 * module verified by Spring Modulith) with a small public API and an {@code internal} package.
 */
@NullMarked
package news.cms.core;

import org.jspecify.annotations.NullMarked;
