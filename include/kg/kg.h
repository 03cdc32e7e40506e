/*
 * kg.h: the umbrella header of the corpgraph library (libkgcore).
 * Data flows doc -> extract -> store -> view -> graph / render.
 */
#ifndef KG_KG_H
#define KG_KG_H

#include "kg/date.h"
#include "kg/doc.h"
#include "kg/error.h"
#include "kg/extract.h"
#include "kg/render.h"
#include "kg/store.h"
#include "kg/triple.h"
#include "kg/util.h"
#include "kg/view.h"
#include "kg/vocab.h"

#endif
