module libmaint/maint

go 1.19
