package maint

// #include <glib-object.h>
//
// /* Counts watched GObjects that are still alive: a weak reference on
//  * each decrements the counter when the object is finalized. The tests
//  * use it to prove that the wrappers release every C object. */
// static gint maint_go_watched_live;
//
// static void
// maint_go_watched_gone (gpointer data, GObject *where_the_object_was)
// {
//   g_atomic_int_add (&maint_go_watched_live, -1);
// }
//
// static void
// maint_go_watch (gpointer object)
// {
//   g_atomic_int_inc (&maint_go_watched_live);
//   g_object_weak_ref (G_OBJECT (object), maint_go_watched_gone, NULL);
// }
//
// static gint
// maint_go_watched_count (void)
// {
//   return g_atomic_int_get (&maint_go_watched_live);
// }
import "C"

import "unsafe"

// watchObject counts the GObject obj as alive until it is finalized.
func watchObject(obj unsafe.Pointer) {
	C.maint_go_watch(C.gpointer(obj))
}

// watchedAlive returns how many watched GObjects are not finalized yet.
func watchedAlive() int {
	return int(C.maint_go_watched_count())
}

// finalizersRun returns how many wrapper finalizers have run.
func finalizersRun() int64 {
	return finalized.Load()
}

// unrefObject drops a reference taken with refObject.
func unrefObject(obj unsafe.Pointer) {
	C.g_object_unref(C.gpointer(obj))
}
