module libmaint/examples/plan-fleet

go 1.19

require libmaint/maint v0.0.0

replace libmaint/maint => ../../bindings/go
