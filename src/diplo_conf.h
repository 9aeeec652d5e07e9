/*
 * diplo_conf.h
 *		Named configurations in the catalog, built once per backend.
 */
#ifndef DIPLO_CONF_H
#define DIPLO_CONF_H

#include "postgres.h"

#include "diplo_analyze.h"

/*
 * The built configuration of this name, from the backend's cache or built
 * from the catalog in the schema of fn_oid (a function of diplo); ERROR
 * 42704 if there is none.  Valid until the next lookup (a drop may flush
 * the cache).
 */
extern const DiploConfig *diplo_config_lookup(const char *name, Oid fn_oid);

#endif							/* DIPLO_CONF_H */
