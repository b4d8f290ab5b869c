from django.http import HttpResponse


def directory(request):
    return HttpResponse("people")


def person_detail(request, pk):
    return HttpResponse("person")
