/** Tests across features: who may call which service method (the role × action matrix). */
@NullMarked
package news.cms.core.security;

import org.jspecify.annotations.NullMarked;
